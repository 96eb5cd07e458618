"""Build tooling for the course book, kept apart from the course's content.

sphinx_ext  keeps pages light and accessible (registered in _config.yml)
altimage    carries charts' alt text into the page (a myst-nb plug-in)
webfont     cuts Noto Sans JP to the characters the course uses
devserver   serves the built book on localhost, gzip-compressed
bench       `make bench`: build, notebook, widget and page-weight figures
build       `make book`: the strict build; on failure a summary, reports kept, no stale book
linkcheck   checks that every URL in sources.yml and references.bib still answers
new_chapter `make chapter`: a new chapter from the one template
nbclean     notebooks stay committed without outputs (the pre-commit hook)
"""
