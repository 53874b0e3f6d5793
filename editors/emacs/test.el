;;; test.el --- headless Eglot test against the real `asyncls serve'  -*- lexical-binding: t; -*-
;; Run: ASYNCLS_BIN=... timeout 120 emacs --batch -Q -l editors/emacs/test.el
;; Prints PASS/FAIL lines and exits non-zero on failure.

(require 'package)
;; Debian's elpa-eglot lives here; -Q skips the site start-up that would add it.
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'eglot)
(require 'python)
(require 'flymake)

(defvar asyncls-test-failures 0)
(defvar asyncls-test-dir (file-name-directory (or load-file-name buffer-file-name)))
(defvar asyncls-test-fixture
  (expand-file-name "../fixtures/project/app.py" asyncls-test-dir))
(defvar asyncls-test-timeout 20)

(defun asyncls-test-out (format-string &rest args)
  (princ (concat (apply #'format format-string args) "\n")))

(defmacro asyncls-test-step (name &rest body)
  (declare (indent 1))
  `(condition-case err
       (progn ,@body (asyncls-test-out "PASS emacs-eglot: %s" ,name))
     (error (setq asyncls-test-failures (1+ asyncls-test-failures))
            (asyncls-test-out "FAIL emacs-eglot: %s: %S" ,name err))))

(defun asyncls-test-wait (description predicate)
  (let ((deadline (+ (float-time) asyncls-test-timeout)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (when (bound-and-true-p flymake-mode) (flymake-start)))
    (unless (funcall predicate)
      (error "Timed out waiting for %s; diagnostics: %S" description
             (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))))

(defun asyncls-test-expected ()
  "The (LINE . CODE) findings the fixture declares in `# CODE:' comments (1-based lines)."
  (let (found)
    (with-temp-buffer
      (insert-file-contents asyncls-test-fixture)
      (goto-char (point-min))
      (while (re-search-forward "#\\s-*\\(\\(?:ASYNC\\|ASL\\)[0-9]+\\):" nil t)
        (push (cons (line-number-at-pos) (match-string 1)) found)))
    (nreverse found)))

(defun asyncls-test-has (line code)
  (cl-some (lambda (diag)
             (and (string-match-p (regexp-quote (format "[%s]" code)) (flymake-diagnostic-text diag))
                  (= line (line-number-at-pos (flymake-diagnostic-beg diag)))))
           (flymake-diagnostics)))

(let ((bin (getenv "ASYNCLS_BIN"))
      (expected (asyncls-test-expected)))
  (unless (and bin (not (string-empty-p bin)))
    (asyncls-test-out "FAIL emacs-eglot: set ASYNCLS_BIN to the asyncls executable")
    (kill-emacs 2))
  (load (expand-file-name "asyncls-eglot.el" asyncls-test-dir))
  (setq asyncls-eglot-command (list bin "serve"))
  (asyncls-eglot-register)
  (setq eglot-sync-connect t)

  (asyncls-test-step "eglot connects to asyncls serve"
    (find-file asyncls-test-fixture)
    (python-mode)
    (call-interactively #'eglot)
    (asyncls-test-wait "eglot to manage the buffer" (lambda () (eglot-managed-p))))

  (asyncls-test-step (format "expected codes appear %S" expected)
    (unless (>= (length expected) 2) (error "Fixture declares too few findings"))
    (asyncls-test-wait "the expected diagnostics"
                       (lambda () (cl-every (lambda (e) (asyncls-test-has (car e) (cdr e))) expected))))

  (asyncls-test-step "hover on time.sleep mentions ASYNC251"
    (goto-char (point-min))
    (search-forward "time.sleep")
    (backward-char 3)
    (let* ((server (eglot-current-server))
           (hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
           (contents (plist-get hover :contents))
           (text (format "%S" contents)))
      (unless (string-match-p "ASYNC251" text)
        (error "Hover text: %s" text))))

  (asyncls-test-step "the preferred quickfix for ASYNC251 applies and the finding goes"
    (let* ((sleep-line (car (rassoc "ASYNC251" expected)))
           (diag (cl-find-if (lambda (d)
                               (and (string-match-p "\\[ASYNC251\\]" (flymake-diagnostic-text d))
                                    (= sleep-line (line-number-at-pos (flymake-diagnostic-beg d)))))
                             (flymake-diagnostics)))
           (spec (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data diag))))
           (actions (jsonrpc-request (eglot-current-server) :textDocument/codeAction
                                     (list :textDocument (eglot--TextDocumentIdentifier)
                                           :range (plist-get spec :range)
                                           :context (list :diagnostics (vector spec)))))
           (preferred (cl-find-if (lambda (a) (eq (plist-get a :isPreferred) t)) actions)))
      (unless (and preferred (plist-get preferred :edit))
        (error "No preferred quickfix among %S" (mapcar (lambda (a) (plist-get a :title)) actions)))
      (eglot--apply-workspace-edit (plist-get preferred :edit))
      ;; Eglot sends didChange from an idle timer, which never fires in batch mode.
      (eglot--signal-textDocument/didChange)
      (save-excursion
        (goto-char (point-min))
        (forward-line (1- sleep-line))
        (unless (search-forward "await asyncio.sleep(delay)" (line-end-position) t)
          (error "Line after the fix: %s" (thing-at-point 'line))))
      (asyncls-test-wait "ASYNC251 to go after the fix"
                         (lambda () (and (not (asyncls-test-has sleep-line "ASYNC251"))
                                         (cl-every (lambda (e) (or (equal (cdr e) "ASYNC251")
                                                                   (asyncls-test-has (car e) (cdr e))))
                                                   expected))))
      (set-buffer-modified-p nil)))

  (ignore-errors (eglot-shutdown (eglot-current-server)))
  (asyncls-test-out (if (= asyncls-test-failures 0) "PASS emacs-eglot: all steps"
                      (format "FAIL emacs-eglot: %d step(s) failed" asyncls-test-failures)))
  (kill-emacs (if (= asyncls-test-failures 0) 0 1)))
