;;; eglot-session.el --- civlint --lsp with Emacs's eglot, for tests/lsp/eglot
;; Opens $POST in markdown-mode with eglot (the snippet of docs/EDITORS.md),
;; waits for Flymake's diagnostics, applies the spelling quick fix with
;; eglot's own workspace-edit code, waits for the finding to go, and shuts
;; the server down. Each check prints "ok WHAT" or "FAIL WHAT: DETAIL".
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'eglot)
(require 'markdown-mode)

(defun civ-check (ok what &optional detail)
  (princ (if ok (format "ok %s\n" what) (format "FAIL %s: %S\n" what detail))))

(defun civ-spelling ()
  "Flymake's diagnostic on the misspelt word, or nil."
  (seq-find (lambda (d) (string-match-p "'goverment'" (flymake-diagnostic-text d)))
            (flymake-diagnostics)))

(defun civ-wait (pred)
  (with-timeout (20 nil)
    (while (not (funcall pred)) (accept-process-output nil 0.05))
    t))

(condition-case err
    (progn
      (with-eval-after-load 'eglot
        (add-to-list 'eglot-server-programs
                     `((markdown-mode gfm-mode) . (,(getenv "CIVLINT") "--lsp"))))
      (add-hook 'markdown-mode-hook #'eglot-ensure)
      (find-file (getenv "POST"))
      (run-hooks 'post-command-hook) ; eglot-ensure connects after a command
      (civ-wait #'civ-spelling)
      (let ((d (civ-spelling)))
        (civ-check d "Flymake shows the finding" (flymake-diagnostics))
        (when d
          ;; Emacs counts characters: the emoji and the CJK character are one each
          (civ-check (equal (buffer-substring (flymake-diagnostic-beg d) (flymake-diagnostic-end d))
                            "goverment")
                     "the diagnostic covers exactly the word"
                     (buffer-substring (flymake-diagnostic-beg d) (flymake-diagnostic-end d)))
          (civ-check (eq (flymake-diagnostic-type d) 'eglot-warning) "a warning"
                     (flymake-diagnostic-type d))
          (let* ((acts (eglot-code-actions (flymake-diagnostic-beg d) (flymake-diagnostic-beg d)))
                 (fix (seq-find (lambda (a) (string-match-p "government" (plist-get a :title))) acts)))
            (civ-check fix "a quick fix offers 'government'" acts)
            (when fix
              (eglot--apply-workspace-edit (plist-get fix :edit))
              ;; eglot sends the change from an idle timer, and batch Emacs is
              ;; never idle: send it now
              (eglot--signal-textDocument/didChange)
              (civ-check (save-excursion (goto-char (point-min)) (search-forward "government" nil t))
                         "the edit lands in the buffer" (buffer-string))
              (civ-wait (lambda () (null (civ-spelling))))
              (civ-check (null (civ-spelling)) "the finding goes after the fix"
                         (flymake-diagnostics))))))
      (let ((server (eglot-current-server)))
        (eglot-shutdown server)
        (civ-check (not (process-live-p (jsonrpc--process server))) "the server stops")))
  (error (civ-check nil "the session ran without a Lisp error" err)))
