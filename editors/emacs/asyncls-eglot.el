;;; asyncls-eglot.el --- Use the asyncls language server with Eglot  -*- lexical-binding: t; -*-

;; Load this file (or copy the form below into your init file) to run `asyncls serve'
;; for Python buffers alongside or instead of another Python server.
;;
;;   (with-eval-after-load 'eglot
;;     (add-to-list 'eglot-server-programs
;;                  '((python-mode python-ts-mode) . ("asyncls" "serve"))))
;;   (add-hook 'python-mode-hook #'eglot-ensure)
;;
;; Server settings use the server's camelCase keys and go through
;; `eglot-workspace-configuration' (answered on workspace/configuration section "asyncls"):
;;
;;   (setq-default eglot-workspace-configuration
;;                 '(:asyncls (:select ["ASYNC" "ASL"] :debounceMs 100)))

;;; Code:

(require 'eglot)

(defcustom asyncls-eglot-command '("asyncls" "serve")
  "Command line that starts the asyncls language server."
  :type '(repeat string)
  :group 'eglot)

(defun asyncls-eglot-register ()
  "Make Eglot start asyncls for Python buffers."
  (add-to-list 'eglot-server-programs
               (cons '(python-mode python-ts-mode) asyncls-eglot-command)))

(with-eval-after-load 'eglot (asyncls-eglot-register))

(provide 'asyncls-eglot)
;;; asyncls-eglot.el ends here
