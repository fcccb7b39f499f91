;;; emacs-session.el --- run by tests/editors/emacs  -*- lexical-binding: t -*-
;; Loads docs/editors/civlint.el ($RECIPE), runs `M-x civlint' on each post
;; of $EXPECT (file:line:text:type,... per post, ';' between posts; type
;; E, W or I, hand-written), waits for it, then visits every finding with
;; `next-error' and checks the file, the line, the compilation type and
;; that point is on the finding's text. A control with `M-x compile' and
;; screen columns must miss after wide characters, or the test could not
;; fail. Prints 'ok ...' and 'FAIL ...' lines.
(load (getenv "RECIPE") nil t)
(defun ok (cond what) (princ (format "%s %s\n" (if cond "ok" "FAIL") what)))

(defun run-to-end (buf)
  (let ((proc (get-buffer-process buf)))
    (while (and proc (process-live-p proc))
      (accept-process-output proc 0.1)))
  (with-current-buffer buf (compilation--ensure-parse (point-max))))

(defun landings (buf n len-of)
  "Visit the first N findings of BUF with `next-error'; for each, the list
(file line type text-at-point message)."
  (let (got)
    (with-current-buffer buf (goto-char (point-min)))
    (setq next-error-last-buffer buf)
    (dotimes (i n)
      (condition-case err
          (progn
            (next-error (if (= i 0) '(4) 1))
            (let* ((msg (with-current-buffer buf
                          (get-text-property (save-excursion (goto-char compilation-current-error)
                                                             (point))
                                             'compilation-message)))
                   (type (and msg (compilation--message->type msg))))
              (push (list (file-name-nondirectory (or buffer-file-name ""))
                          (line-number-at-pos)
                          (pcase type (2 "E") (1 "W") (0 "I") (_ "?"))
                          (buffer-substring-no-properties
                           (point) (min (point-max) (+ (point) (funcall len-of i)))))
                    got)))
        (error (push (list "" 0 "?" (format "%S" err)) got))))
    (nreverse got)))

(defun check (label got want)
  (ok (= (length got) (length want)) (format "%s: %d findings, want %d" label (length got) (length want)))
  (let ((exact 0))
    (cl-loop for g in got for w in want do
             (let ((hit (equal g w)))
               (when hit (setq exact (1+ exact)))
               (ok hit (format "%s: %S, want %S" label g w))))
    exact))

(require 'cl-lib)
(dolist (spec (split-string (getenv "EXPECT") ";"))
  (let* ((want (mapcar (lambda (s) (let ((f (split-string s ":")))
                                     (list (nth 0 f) (string-to-number (nth 1 f)) (nth 3 f) (nth 2 f))))
                       (split-string spec ",")))
         (file (car (car want)))
         (len-of (lambda (i) (length (nth 3 (nth i want))))))
    (find-file file)
    (let ((buf (call-interactively #'civlint)))
      (run-to-end buf)
      (with-current-buffer buf
        (ok (null compilation-error-screen-columns) (format "%s: *civlint* counts characters" file))
        (ok (not (string-match-p "\e" (buffer-string))) (format "%s: no colour escapes" file))
        (ok (string-match-p "note: did you mean" (buffer-string)) (format "%s: the output holds a note line" file)))
      (check (concat file " M-x civlint") (landings buf (length want) len-of) want))
    ;; the control: M-x compile with Emacs's default screen columns
    (find-file file)
    (let* ((compilation-error-screen-columns t)
           (buf (compile (concat "civlint " (shell-quote-argument file)))))
      (run-to-end buf)
      (with-current-buffer buf
        (ok (not (string-match-p "\e" (buffer-string))) (format "%s: M-x compile, a pty: no colour" file))
        (setq-local compilation-skip-threshold 0))
      (let ((exact (let ((standard-output #'ignore))
                     (check "control" (landings buf (length want) len-of) want))))
        (ok (< exact (length want))
            (format "%s: with screen columns %d of %d visits miss (the test can fail)"
                    file (- (length want) exact) (length want))))
      (kill-buffer buf))))
