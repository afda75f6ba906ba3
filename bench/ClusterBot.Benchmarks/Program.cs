using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/ClusterBot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
