;;; civlint.el --- civlint's findings in Emacs's compilation mode  -*- lexical-binding: t -*-

;; Load it from your init file: (load "/path/to/civlint.el"), or copy the
;; forms. Then `M-x civlint' lints the post you are editing (with a prefix
;; argument, asks for the command line, e.g. "civlint posts/"), and
;; `M-x next-error' (C-x `) visits each finding.
;;
;; Columns: civlint counts code points; Emacs's compilation mode counts
;; screen columns unless `compilation-error-screen-columns' is nil (a tab
;; is 8 columns, a CJK letter or an emoji 2), so `M-x civlint' sets it to
;; nil in its own buffer, where code points are Emacs's characters, and
;; lets `next-error' visit notes (info level, which it skips by default). A plain
;; `M-x compile RET civlint post.md' also reads the findings (through the
;; regexp below) but lands late after tabs and wide characters, unless
;; you set that variable to nil yourself.

;;; Code:

(require 'compile)

;; 'file:line:col: error|warning|note: message [rule]': an error, a warning
;; or an info (the TYPE (4 . 5): group 4 matched means warning, group 5
;; info, neither error). A finding's own 'note: ...' lines and the quoted
;; source and caret lines have no 'file:line:col:' and are not findings.
(add-to-list 'compilation-error-regexp-alist-alist
             '(civlint
               "^\\([^\n]+?\\):\\([0-9]+\\):\\([0-9]+\\): \\(?:error\\|\\(warning\\)\\|\\(note\\)\\): "
               1 2 3 (4 . 5)))
(add-to-list 'compilation-error-regexp-alist 'civlint)

(defvar civlint-program "civlint"
  "The civlint program, a name on `exec-path' or a file name.")

(defun civlint (command)
  "Run civlint COMMAND in a compilation buffer, *civlint*.
Interactively, lint the current buffer's file; with a prefix argument,
read the command line."
  (interactive
   (let ((default (concat civlint-program " "
                          (if buffer-file-name
                              (shell-quote-argument (file-relative-name buffer-file-name))
                            ""))))
     (list (if current-prefix-arg
               (read-shell-command "Run civlint: " default)
             default))))
  (save-some-buffers (not compilation-ask-about-save))
  (let ((buf (compilation-start command nil (lambda (_mode) "*civlint*"))))
    ;; code points are characters; set before any output is parsed
    (with-current-buffer buf
      (setq-local compilation-error-screen-columns nil)
      ;; civlint's notes are findings too: `next-error' visits them
      (setq-local compilation-skip-threshold 0))
    buf))

(provide 'civlint)

;;; civlint.el ends here
