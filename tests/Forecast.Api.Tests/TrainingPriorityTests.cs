using System.Diagnostics;
using System.Globalization;
using Forecast.Api.Jobs;
using Forecast.Domain.Runs;

namespace Forecast.Api.Tests;

/// <summary>Training runs below the requests' CPU priority, so reads stay fast while runs train (Linux nice values).</summary>
public class TrainingPriorityTests
{
    [Fact]
    public void Lowering_a_thread_s_priority_leaves_the_other_threads_at_theirs()
    {
        var before = NiceOf("thread-self");
        var lowered = -1;
        var thread = new Thread(() =>
        {
            TrainingThreadPriority.Lower(19);
            lowered = NiceOf("thread-self");
        });
        thread.Start();
        thread.Join();

        Assert.Equal(19, lowered);
        Assert.Equal(before, NiceOf("thread-self"));
    }

    [Fact]
    public async Task A_run_trains_on_a_thread_at_the_configured_nice_value()
    {
        using var factory = ForecastApiFactory.With(("Training:Niceness", "7"));
        var client = factory.CreateClient();
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");
        var run = await TrainingFlow.StartAsync(client, series.Id, new { epochs = 5000, hiddenSize = 4, lookback = 12, transform = "none", seed = 1, earlyStoppingPatience = 0 });

        // No other thread of this process asks for 7: the one that does is the run's.
        var clock = Stopwatch.StartNew();
        while (!Directory.EnumerateDirectories("/proc/self/task").Any(task => NiceOf($"self/task/{Path.GetFileName(task)}") == 7))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "no thread at nice 7 while the run trains");
            await Task.Delay(50);
        }

        await client.PostAsync($"/api/training-runs/{run.Id}/cancel", null);
        Assert.Equal(TrainingRunStatus.Cancelled, (await TrainingFlow.WaitUntilFinishedAsync(client, run.Id)).Status);
    }

    /// <summary>The nice value in /proc/{task}/stat: the 19th field, the 17th after the command name's closing parenthesis.</summary>
    private static int NiceOf(string task)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{task}/stat");
        }
        catch (IOException)
        {
            return int.MinValue; // The thread ended while the directory was listed.
        }
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], CultureInfo.InvariantCulture);
    }
}
