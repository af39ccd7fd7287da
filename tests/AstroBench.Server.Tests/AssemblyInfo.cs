// Jobs are exclusive on a machine (timing) and the tests check timing bounds: run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
