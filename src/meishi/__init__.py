"""meishi: the code behind the course "Business cards, not profiles".

paths     where the checkout's folders are
data      datasets with their sources; validation; series chapters share
models    pure models with typed results
kit       what every chapter shares: charts, widgets, input parsing, quizzes, glue
chapters  one package per chapter (facts, charts, widgets), found by discovery

Build tooling (the Sphinx extension, the alt-text plug-in, the web-font
cutter, the dev server, the benchmark) lives apart, in ``meishi_build``.
"""

__version__ = "0.2.0"
