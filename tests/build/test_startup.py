"""What every build step, pytest worker and notebook tool pays before it starts.

nbformat imports jsonschema, whose format checkers import every optional validator that is
installed.  From jsonschema 4.25 one of them, rfc3987-syntax, compiles three Earley grammars
with lark at import: about 1.7 s in each process that reads or writes a notebook (the
book's build steps, each pytest worker, nbval, the wheel test's tools).  requirements.txt
holds jsonschema below that; this keeps a later upgrade from bringing the cost back
unnoticed.
"""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = ("import json, sys, time\n"
         "t = time.perf_counter()\n"
         "import nbformat\n"
         "print(json.dumps({'s': time.perf_counter() - t,\n"
         "                  'grammar': sorted(m for m in sys.modules\n"
         "                                    if m.split('.')[0] in ('lark', 'rfc3987_syntax'))}))")


def test_importing_nbformat_compiles_no_grammar():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          check=True, timeout=120)
    seen = json.loads(done.stdout)
    assert seen["grammar"] == [], (
        f"importing nbformat imported {seen['grammar']} ({seen['s']:.2f} s): a jsonschema "
        "upgrade brought rfc3987-syntax back (see requirements.txt)")
