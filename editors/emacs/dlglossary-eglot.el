;;; dlglossary-eglot.el --- dlglossary language server with eglot  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (eglot "1.9"))
;; Keywords: languages, tools, docs

;;; Commentary:

;; Registers the dlglossary language server (hover definitions, undefined-jargon
;; diagnostics, code actions, completion and go-to-definition for deep-learning terms)
;; with eglot for Markdown, reStructuredText, LaTeX and plain text, and, when
;; `dlglossary-eglot-modes' says so, Python.
;;
;;   (add-to-list 'load-path "/path/to/dlglossary/editors/emacs")
;;   (require 'dlglossary-eglot)
;;   (add-hook 'markdown-mode-hook #'eglot-ensure)
;;
;; Settings go in `eglot-workspace-configuration' under the :dlglossary section, e.g.
;; in .dir-locals.el:
;;
;;   ((nil . ((eglot-workspace-configuration
;;             . (:dlglossary (:ignoredWords ["FOO"]
;;                             :severity (:unknown-jargon "warning")))))))

;;; Code:

(require 'eglot)

(defgroup dlglossary nil
  "Deep-learning glossary language server."
  :group 'tools
  :prefix "dlglossary-")

(defcustom dlglossary-server-command '("dlglossary-lsp")
  "Command line that starts the dlglossary language server on stdio.
For a server installed in a virtual environment, use its full path, or
\(\"/path/to/venv/bin/python\" \"-m\" \"dlglossary_lsp\")."
  :type '(repeat string))

(defcustom dlglossary-eglot-modes
  '((markdown-mode . "markdown")
    (gfm-mode . "markdown")
    (rst-mode . "restructuredtext")
    (latex-mode . "latex")
    (LaTeX-mode . "latex")
    (tex-mode . "latex")
    (text-mode . "plaintext"))
  "Major modes served by dlglossary, each with the LSP language id to send.
Eglot runs one server per buffer, so adding `python-mode' here replaces any
other Python server eglot would start (such as pylsp) in Python buffers:

  (add-to-list \\='dlglossary-eglot-modes \\='(python-mode . \"python\"))

Set this before loading dlglossary-eglot, or call `dlglossary-eglot-register'
after changing it."
  :type '(alist :key-type symbol :value-type string))

(defun dlglossary-eglot--contact (_interactive)
  "The server command line, for `eglot-server-programs'."
  dlglossary-server-command)

;;;###autoload
(defun dlglossary-eglot-register ()
  "Put dlglossary first in `eglot-server-programs' for `dlglossary-eglot-modes'."
  (interactive)
  (setq eglot-server-programs
        (cl-remove #'dlglossary-eglot--contact eglot-server-programs :key #'cdr))
  (push (cons (mapcar (lambda (entry) (list (car entry) :language-id (cdr entry)))
                      dlglossary-eglot-modes)
              #'dlglossary-eglot--contact)
        eglot-server-programs))

(dlglossary-eglot-register)

(provide 'dlglossary-eglot)
;;; dlglossary-eglot.el ends here
