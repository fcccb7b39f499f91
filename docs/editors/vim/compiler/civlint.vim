" Vim compiler file
" Compiler:    civlint (an editorial linter for Markdown posts)
" Usage:       :compiler civlint, then :make (the post you are editing);
"              :copen lists the findings, :cnext jumps to the next one.
" Install:     `make install` and the Debian package put it in
"              PREFIX/share/vim/vimfiles/compiler/ (on Debian vim's
"              'runtimepath' for PREFIX=/usr); else copy it to
"              ~/.vim/compiler/civlint.vim (Neovim:
"              ~/.config/nvim/compiler/civlint.vim).
"
" --columns=bytes: Vim's %c is a byte index into the line, and civlint
" counts code points unless told otherwise, so without it a jump lands
" early on a line with accented letters, CJK or emoji before the finding.
" The errorformat reads both civlint's full output and --quiet's: each
" 'file:line:col: error|warning|note: message [rule]' line is an entry of
" type E, W or N, a finding's own 'note: ...' lines are added to its text,
" and the quoted source, caret and fix-it lines (which start with a space)
" are skipped.

if exists("current_compiler")
  finish
endif
let current_compiler = "civlint"

if exists(":CompilerSet") != 2
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

CompilerSet makeprg=civlint\ --columns=bytes\ --color=never\ %:S
CompilerSet errorformat=
      \%E%f:%l:%c:\ error:\ %m,
      \%W%f:%l:%c:\ warning:\ %m,
      \%N%f:%l:%c:\ note:\ %m,
      \%-C\ %.%#,
      \%+Cnote:\ %.%#,
      \%-G\ %.%#

let &cpo = s:cpo_save
unlet s:cpo_save
