"""The garble generator of benchmarks/garbles.py: plants known rendering errors into the English
side of FLORES-200 and NTREX-128 by its own rules. Nothing here imports mtcheck, so the test
set does not share the checker's idea of what a correct rendering is."""
