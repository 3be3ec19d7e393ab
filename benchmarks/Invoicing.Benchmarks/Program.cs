using BenchmarkDotNet.Running;

// Run one scenario: dotnet run -c Release --project benchmarks/Invoicing.Benchmarks -- --filter '*Calculator*'
// The portal under load (not BenchmarkDotNet): dotnet run -c Release --project benchmarks/Invoicing.Benchmarks -- portal-load [clients] [seconds]
if (args is ["portal-load", .. var load])
{
    return await Invoicing.Benchmarks.PortalLoad.PortalListLoad.RunAsync(load);
}

BenchmarkSwitcher.FromAssembly(typeof(Invoicing.Benchmarks.CalculatorBenchmarks).Assembly).Run(args);
return 0;
