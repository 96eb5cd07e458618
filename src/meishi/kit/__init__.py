"""What every chapter shares.

charts    chart conventions: palette, Japanese font, source line, alt text
controls  widget controls as data (sliders, typed numbers)
widget    the widget base: a Python model behind a front end that runs anywhere
inputs    reading a number a learner typed (the browser runs the same rules)
fmt       number formatting that reads the same in Python and JavaScript
quiz      self-check quizzes that work without a kernel
glue      numbers the prose quotes, glued from the data
"""
