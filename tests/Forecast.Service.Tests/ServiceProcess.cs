using System.Diagnostics;

namespace Forecast.Service.Tests;

/// <summary>One running instance of the published service on its own port and database file.</summary>
public sealed class ServiceProcess : IDisposable
{
    // Kestrel's line once it listens. The service binds a port of the system's choosing and says which: a free port
    // picked here and handed over could be taken while the service starts, by another service that the test classes
    // running side by side start at the same moment.
    private const string ListeningOn = "Now listening on: ";

    private readonly Process process;
    private readonly List<string> output = [];
    private readonly TaskCompletionSource<HttpClient> client = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(120);

    /// <summary>The admin key the service is started with; <see cref="Client"/> sends it.</summary>
    public const string AdminKey = "service-test-admin-key-0123456789abcdefghij";

    private ServiceProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>A client of the service that sends the admin key, once the service listens (<see cref="StartAsync"/> waits for that).</summary>
    public HttpClient Client => IsListening ? client.Task.Result : throw new InvalidOperationException($"The service does not listen yet:\n{Output}");

    public bool IsListening => client.Task.IsCompletedSuccessfully;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    /// <summary>Deletes a SQLite database a service used, with the journal files a killed process leaves beside it.</summary>
    public static void DeleteDatabase(string databaseFile)
    {
        foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>Starts the service without waiting for it, as an orchestrator restarts a container.</summary>
    public static ServiceProcess Launch(string databaseFile, params (string Key, string Value)[] settings)
    {
        return new ServiceProcess(Process.Start(StartInfo(databaseFile, settings))!);
    }

    /// <summary>Starts the service and waits until <c>/health/ready</c> answers.</summary>
    public static async Task<ServiceProcess> StartAsync(string databaseFile, params (string Key, string Value)[] settings)
    {
        var service = Launch(databaseFile, settings);
        var clock = Stopwatch.StartNew();
        // Generous: a restarted service resumes its runs while it starts, on two cores the other test assemblies share.
        while (clock.Elapsed < ReadyWithin)
        {
            if (service.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {service.ExitCode}:\n{service.Output}");
            }
            try
            {
                if (service.IsListening && (await service.Client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        var output = service.Output;
        service.Dispose();
        throw new TimeoutException($"The service did not become ready within {ReadyWithin.TotalSeconds} s ({(service.IsListening ? "listening, not ready" : "not listening")}):\n{output}");
    }

    /// <summary>Starts the service with settings it should refuse, and waits for it to exit.</summary>
    public static Task<(int ExitCode, string Output)> RunUntilExitAsync(string databaseFile, params (string Key, string Value)[] settings) =>
        RunCommandAsync(databaseFile, [], settings);

    /// <summary>Runs a command of the service's binary (<c>backup --to FILE</c>, ...) with the service's settings, and waits for it to exit.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(
        string databaseFile, IReadOnlyList<string> arguments, params (string Key, string Value)[] settings)
    {
        using var process = Process.Start(StartInfo(databaseFile, settings, arguments))!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    private static ProcessStartInfo StartInfo(
        string databaseFile, (string Key, string Value)[] settings, IReadOnlyList<string>? arguments = null)
    {
        var start = new ProcessStartInfo(PublishedService.Executable, arguments ?? [])
        {
            WorkingDirectory = PublishedService.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Forecast"] = $"Data Source={databaseFile}";
        start.Environment["Auth__AdminKey"] = AdminKey;
        start.Environment["Training__CheckpointInterval"] = "00:00:00.200";
        // One TorchSharp thread per run: the tests' networks are tiny, and a second thread doubles the CPU time of a run
        // without shortening it (300 epochs of RunSurvivalTests' network: 10 s of CPU on two threads, 5 s on one), time
        // that the test classes running beside it need. It also leaves a core to the backup commands of BackupTests.
        start.Environment["Training__TorchThreads"] = "1";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    /// <summary>SIGKILL: the process dies at once, as in a crash or an OOM kill.</summary>
    public void Kill()
    {
        process.Kill();
        process.WaitForExit();
    }

    /// <summary>SIGTERM, as an orchestrator sends to stop a container; returns whether it exited in time.</summary>
    public bool Terminate(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }
        return process.WaitForExit(timeout);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }
        process.Dispose();
        if (IsListening)
        {
            Client.Dispose();
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.Add(line);
        }
        if (line.TrimStart().StartsWith(ListeningOn, StringComparison.Ordinal))
        {
            var listening = new HttpClient { BaseAddress = new Uri(line.TrimStart()[ListeningOn.Length..]), Timeout = TimeSpan.FromSeconds(30) };
            listening.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
            client.TrySetResult(listening);
        }
    }
}
