"""The law: each rule a small pure function of floats and a parameter record, written as the form reads.

One person at a time; ``netpay.engine`` compiles the chain of rules of a jurisdiction into a loop
over a million people. ``@rule`` (``netpay.rules.jit``) compiles a rule with numba, or leaves it plain
Python when ``NETPAY_JIT=0``. Records (NamedTuples of floats and tuples) are built once from the
validated tables by each module's ``record``/``params`` function.
"""
