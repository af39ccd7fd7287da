// Jobs are exclusive on a machine (the server answers 409 to a second start), and each Lab points the
// process-wide ASTROBENCH_GATE_DIR at its own root: run the tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
