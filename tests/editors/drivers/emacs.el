;;; emacs.el --- batch-mode eglot driver for tests/editors/test_emacs.py  -*- lexical-binding: t; -*-

;; Environment: DLG_EMACS_DIR (editors/emacs), DLG_CASES (JSON: [{file, hovers:
;; [[line, character]], diagnostics}]), DLG_OUT (the JSON result), DLG_TIMEOUT (s).
;; Loads editors/emacs/dlglossary-eglot.el the way its README says, with Debian's
;; elpa-eglot, then opens each file, connects and asks for hovers and diagnostics.

(require 'package)
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'json)
(require 'cl-lib)
(require 'flymake)

(add-to-list 'load-path (getenv "DLG_EMACS_DIR"))
(defvar dlglossary-eglot-modes)
(setq dlglossary-eglot-modes '((markdown-mode . "markdown")
                               (gfm-mode . "markdown")
                               (rst-mode . "restructuredtext")
                               (python-mode . "python")))
(require 'dlglossary-eglot)

;; Settings as editors/emacs/README.md tells users to set them: the :dlglossary section.
(let ((settings (getenv "DLG_SETTINGS")))
  (when (and settings (not (string-empty-p settings)))
    (setq-default eglot-workspace-configuration
                  (list :dlglossary (json-parse-string settings :object-type 'plist)))))

(defvar dlg-timeout (string-to-number (or (getenv "DLG_TIMEOUT") "30")))
(defvar dlg-result (list :files [] :errors []))

(defun dlg-wait (predicate)
  "Wait until PREDICATE returns non-nil or the timeout passes; return its value."
  (let ((deadline (+ (float-time) dlg-timeout)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(defun dlg-goto (line character)
  (goto-char (point-min))
  (forward-line line)
  (forward-char character))

(defun dlg-hover-text (hover)
  (let ((contents (plist-get hover :contents)))
    (cond ((stringp contents) contents)
          ((plist-get contents :value))
          ((vectorp contents)
           (mapconcat (lambda (c) (if (stringp c) c (plist-get c :value))) contents "\n"))
          (t :null))))

(defun dlg-run-case (case)
  (let* ((file (gethash "file" case))
         (buffer (find-file-noselect file))
         (entry (list :file file :hovers [] :diagnostics [])))
    (with-current-buffer buffer
      (setq entry (plist-put entry :mode (symbol-name major-mode)))
      (apply #'eglot (eglot--guess-contact))
      (let ((server (dlg-wait (lambda () (eglot-current-server)))))
        (setq entry (plist-put entry :attached (if server t :false)))
        (when server
          (setq entry (plist-put entry :project
                                 (expand-file-name (project-root (eglot--project server)))))
          (setq entry (plist-put entry :language_id (eglot--language-id server)))
          (dolist (position (append (gethash "hovers" case) nil))
            (dlg-goto (aref position 0) (aref position 1))
            (let ((hover (jsonrpc-request server :textDocument/hover
                                          (eglot--TextDocumentPositionParams))))
              (setq entry (plist-put entry :hovers
                                     (vconcat (plist-get entry :hovers)
                                              (list (if hover (dlg-hover-text hover) :null)))))))
          (when (gethash "diagnostics" case)
            (flymake-start)
            (let ((wanted (gethash "type" case)))
              (dlg-wait (lambda ()
                          (cl-some (lambda (d)
                                     (or (not wanted)
                                         (string-match-p wanted (format "%s" (flymake-diagnostic-type d)))))
                                   (flymake-diagnostics)))))
            (setq entry
                  (plist-put entry :diagnostics
                             (vconcat
                              (mapcar (lambda (d)
                                        (let ((beg (flymake-diagnostic-beg d)))
                                          (list :line (1- (line-number-at-pos beg))
                                                :col (save-excursion (goto-char beg) (current-column))
                                                :text (flymake-diagnostic-text d)
                                                :type (format "%s" (flymake-diagnostic-type d)))))
                                      (flymake-diagnostics)))))))))
    (setq dlg-result (plist-put dlg-result :files
                                (vconcat (plist-get dlg-result :files) (list entry))))))

(condition-case err
    (dolist (case (append (json-parse-string (getenv "DLG_CASES")) nil))
      (dlg-run-case case))
  (error (setq dlg-result (plist-put dlg-result :errors
                                     (vconcat (plist-get dlg-result :errors)
                                              (list (error-message-string err)))))))

(with-temp-file (getenv "DLG_OUT")
  (insert (json-serialize dlg-result)))
(ignore-errors (eglot-shutdown-all))
(kill-emacs 0)
;;; emacs.el ends here
