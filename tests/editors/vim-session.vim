" vim-session.vim - run by tests/editors/vim in `vim -es` with the compiler
" plugin of docs/editors/vim on 'runtimepath' and the civlint under test
" first on $PATH. For each post of $POSTS (name:line:text:type,... in
" $EXPECT, one list per post, ';' between posts), `:compiler civlint` and
" `:make!` fill the quickfix list; each entry is jumped to with :cc and the
" text under the cursor must be the finding's text, hand-written in the
" expectations. The same through --quiet output, and a control: with
" --columns=codepoints the jumps after non-ASCII text must miss, or this
" test could not fail. Writes 'ok ...' and 'FAIL ...' lines to $OUT.
set nocompatible encoding=utf-8 nomore shortmess+=A
let s:out = []
function! s:ok(cond, what) abort
  call add(s:out, (a:cond ? 'ok ' : 'FAIL ') . a:what)
endfunction

" The quickfix entries of the current list, jumped to one by one: for each,
" [bufname, line, type, text at the cursor (as long as the expected text),
" message].
function! s:landings(want) abort
  let got = []
  let qf = filter(getqflist(), 'v:val.valid')
  for i in range(len(qf))
    execute 'silent cc' (index(getqflist(), qf[i]) + 1)
    let n = i < len(a:want) ? strlen(a:want[i][2]) : 1
    call add(got, [fnamemodify(bufname('%'), ':t'), line('.'), qf[i].type,
          \ strpart(getline('.'), col('.') - 1, n), qf[i].text])
  endfor
  return got
endfunction

" Compares landings with the expectations; returns how many landed exactly.
function! s:check(label, got, want) abort
  call s:ok(len(a:got) == len(a:want), a:label . ': ' . len(a:got) . ' entries, want ' . len(a:want))
  let exact = 0
  for i in range(min([len(a:got), len(a:want)]))
    let [file, lnum, text, type] = a:want[i]
    let g = a:got[i]
    let hit = g[0] ==# file && g[1] == lnum && g[3] ==# text && g[2] ==# type
    let exact += hit
    call s:ok(hit, a:label . ': ' . file . ':' . lnum . ' lands on ' . string(g[3]) . ' type ' . g[2]
          \ . ', want ' . string(text) . ' type ' . type)
  endfor
  return exact
endfunction

let s:posts = split($EXPECT, ';')
for s:spec in s:posts
  let s:want = map(split(s:spec, ','), 'split(v:val, ":")')
  let s:file = s:want[0][0]
  execute 'silent edit' fnameescape(s:file)
  compiler civlint
  call s:ok(&l:makeprg =~# '--columns=bytes', s:file . ': makeprg ' . &l:makeprg)
  " full output: the source, caret and fix-it lines are skipped
  silent make!
  call s:check(s:file . ' full', s:landings(s:want), s:want)
  let s:notes = filter(getqflist(), 'v:val.valid && v:val.text =~# "note: did you mean"')
  call s:ok(!empty(s:notes), s:file . ': a finding''s note is kept in its text')
  " --quiet output through the same errorformat
  execute 'edit' fnameescape(s:file)
  let &l:makeprg = 'civlint --quiet --columns=bytes %:S'
  silent make!
  call s:check(s:file . ' quiet', s:landings(s:want), s:want)
  " the control: code-point columns land early after non-ASCII text
  execute 'edit' fnameescape(s:file)
  let &l:makeprg = 'civlint --quiet %:S'
  silent make!
  let s:save = s:out
  let s:out = []
  let s:exact = s:check('control', s:landings(s:want), s:want)
  let s:out = s:save
  call s:ok(s:exact < len(s:want), s:file . ': with code-point columns ' . (len(s:want) - s:exact)
        \ . ' of ' . len(s:want) . ' jumps miss (the test can fail)')
endfor
call writefile(s:out, $OUT)
qa!
