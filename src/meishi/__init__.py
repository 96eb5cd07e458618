"""meishi: the code behind the course "Business cards, not profiles".

Modules
-------
data      load a dataset with its sources; validate the data folder
charts    chart conventions (palette, Japanese font, source line, alt text)
widgets   widget conventions (pure model -> widget; input checking)
quiz      self-check quizzes that work without a kernel
book      myst-nb glue: alt text for figures, glued numbers
models    pure model functions, one module per model
intro     the introduction chapter's data, charts and widget
"""

__version__ = "0.1.0"
