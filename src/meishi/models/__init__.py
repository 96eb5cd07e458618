"""Pure models: numbers in, typed results out; no widgets, no plotting.

lookup     how many of your new contacts you would find on each service
signal     what a polished profile tells a boss (Bayes' rule)
threshold  when publishing a profile becomes the norm (threshold adoption)
impression     how an audience reads an explicit claim or an implied cue
profile_reader a rule-based reading of how explicit a profile line is
commitment     stay with a partner or look among strangers (Yamagishi)
introductions  reach through introductions in a clustered network
platforms      a local platform against a global entrant under network effects
chooser        which service for which goal, from a sourced features table

Each is unit-tested against hand-computed values and invariants in
``tests/models``, and each widget's front end is held to it by a parity test.
"""
