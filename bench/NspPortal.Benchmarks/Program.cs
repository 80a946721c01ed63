using BenchmarkDotNet.Running;
using NspPortal.Benchmarks;
using NspPortal.Benchmarks.Traffic;

if (args.Length > 0 && args[0] == "traffic")
{
    return await TrafficStoreBench.RunAsync(args[1..]);
}

// `traffic-import [rows]`: quick import figures without BenchmarkDotNet; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "traffic-import")
{
    return await TrafficImportBenchmarks.QuickAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : TrafficImportBenchmarks.DefaultRows);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
