using Forecast.Benchmarks;

// One case per benchmark: dotnet run -c Release --project benchmarks/Forecast.Benchmarks -- <name>
return args.FirstOrDefault() switch
{
    "diagnostics" => DiagnosticsBenchmark.Run(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/Forecast.Benchmarks -- diagnostics");
    return 2;
}
