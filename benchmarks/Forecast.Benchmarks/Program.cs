using Forecast.Benchmarks;

// One case per benchmark: dotnet run -c Release --project benchmarks/Forecast.Benchmarks -- <name> [arguments]
return args.FirstOrDefault() switch
{
    "diagnostics" => DiagnosticsBenchmark.Run(),
    "train" => TrainBenchmark.Run(),
    "accuracy" => AccuracyBenchmark.Run(args[1..]),
    "collections" => CollectionsBenchmark.Run(args[1..]),
    "speed" => await SpeedBenchmark.RunAsync(args[1..]),
    "mixed" => await MixedLoadBenchmark.RunAsync(args[1..]),
    "warmstart" => WarmStartBenchmark.Run(args[1..]),
    "methods" => MethodsBenchmark.Run(args[1..]),
    "ets" => EtsBenchmark.Run(args[1..]),
    "arima" => ArimaBenchmark.Run(args[1..]),
    "arima-xreg" => ArimaXregBenchmark.Run(),
    "lstm-xreg" => LstmXregBenchmark.Run(args[1..]),
    "screenshots" => await TourismScreenshots.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/Forecast.Benchmarks -- diagnostics | train | accuracy [seeds=1,2] [only=name] [hyperparameter=value ...] | collections [set=monthly] [holdout=validation] [hyperparameter=value ...] | speed publish=DIR [seconds=10] | mixed publish=DIR [seconds=60] [warmup=10] | warmstart [seeds=1,2,3] | methods [only=ets,theta] | ets [set=monthly] [first=50] | arima [set=monthly] [limit=N] [list=true] | arima-xreg | lstm-xreg [seeds=1,2,3] [only=macro|grunfeld] | screenshots publish=DIR [out=docs/screenshots] [seed=1]");
    return 2;
}
