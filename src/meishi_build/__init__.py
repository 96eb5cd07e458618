"""Build tooling for the course book, kept apart from the course's content.

sphinx_ext  keeps pages light and accessible (registered in _config.yml)
altimage    carries charts' alt text into the page (a myst-nb plug-in)
webfont     cuts Noto Sans JP to the characters the course uses
devserver   serves the built book on localhost, gzip-compressed
bench       `make bench`: build, notebook, widget and page-weight figures
build       `make book`: the strict build; on failure a summary, reports kept, no stale book
            (+ failures: what a failed build says; streams: a command streamed, another
            run beside it with its output held)
linkcheck   checks that every URL in sources.yml and references.bib still answers
new_chapter `make chapter`: a new chapter from the one template
nbclean     notebooks stay committed without outputs (the pre-commit hook)
versions    student and instructor notebooks; resolve (+ resolve_lookup, resolve_myst):
            the notebooks read in JupyterLab as in the book
edition     the student edition of the web book
guide       the teacher's guide pages (+ chapter_parts, guide_page, guide_plans, guide_assess,
            reading, course_plans, assessment)
handouts    the PDF handouts and answer key; coursepdf the whole course as one PDF; pdfpages
            page numbers on joined PDFs
publish     `make publish`: what CI publishes, in _build/publish (+ links: every link in a static
            site resolves; gitbranch: commits the student branch, run by CI)
sitedownloads  the download-file role; downloads copied into _handouts/
launchlinks    the hub launch button, on chapters only
lms         every chapter's quiz for Canvas, Blackboard, Moodle and GIFT
book        `make book`'s steps, one failure message at the end; venvcheck a copied .venv repaired
labsettings JupyterLab without its news prompt
"""
