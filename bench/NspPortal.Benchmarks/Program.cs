using BenchmarkDotNet.Running;
using NspPortal.Benchmarks.Traffic;

if (args.Length > 0 && args[0] == "traffic")
{
    return await TrafficStoreBench.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
