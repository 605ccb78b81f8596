using System.Diagnostics;

namespace Forecast.Benchmarks;

/// <summary>The published service on a port of its own and a throwaway SQLite file, stopped and the file deleted when disposed.</summary>
internal sealed class ServiceProcess(Process process, string directory) : IAsyncDisposable
{
    /// <param name="publish">The output of <c>dotnet publish src/Forecast.Api -c Release -r linux-x64</c>.</param>
    /// <param name="api">The address to listen on, e.g. <c>http://127.0.0.1:5078</c>: never 5000, which a developer's service may hold.</param>
    /// <param name="settings">Settings over the defaults below, as environment variables (<c>Training__Niceness</c>).</param>
    public static async Task<ServiceProcess> StartAsync(string publish, string api, string adminKey, params (string Name, string Value)[] settings)
    {
        using var probe = new HttpClient();
        if (await AnswersAsync(probe, api))
        {
            // Another service there would answer for this one, and its figures would be taken for this build's.
            throw new InvalidOperationException($"{api} is taken by another process.");
        }
        var directory = Directory.CreateTempSubdirectory("forecast-benchmark-").FullName;
        var start = new ProcessStartInfo(Path.Combine(publish, "Forecast.Api")) { WorkingDirectory = publish, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_URLS"] = api;
        start.Environment["Auth__AdminKey"] = adminKey;
        start.Environment["Training__WorkerCount"] = "2";
        start.Environment["Limits__RequestsPerMinute"] = "1000000";
        start.Environment["Limits__MaxRunCost"] = "1e13";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ConnectionStrings__Forecast"] = $"Data Source={Path.Combine(directory, "service.db")}";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 120; i++)
        {
            if (await AnswersAsync(probe, api))
            {
                return new ServiceProcess(process, directory);
            }
            await Task.Delay(500);
        }
        process.Kill();
        throw new InvalidOperationException("The published service did not become ready.");
    }

    private static async Task<bool> AnswersAsync(HttpClient probe, string api)
    {
        try
        {
            return (await probe.GetAsync($"{api}/health/ready")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
