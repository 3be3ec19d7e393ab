using BenchmarkDotNet.Running;

// Run one scenario: dotnet run -c Release --project benchmarks/Invoicing.Benchmarks -- --filter '*Calculator*'
BenchmarkSwitcher.FromAssembly(typeof(Invoicing.Benchmarks.CalculatorBenchmarks).Assembly).Run(args);
