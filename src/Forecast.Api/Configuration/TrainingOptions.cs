using System.ComponentModel.DataAnnotations;

namespace Forecast.Api.Configuration;

/// <summary>How training jobs are executed (section <c>Training</c>).</summary>
public sealed class TrainingOptions
{
    public const string Section = "Training";

    /// <summary>Training jobs run at once in this process; 0 makes the process serve HTTP only.</summary>
    [Range(0, 64)]
    public int WorkerCount { get; set; } = 1;

    /// <summary>Threads each training job may use; 0 shares the cores evenly among the workers.</summary>
    [Range(0, 256)]
    public int TorchThreads { get; set; }

    /// <summary>
    /// The Linux nice value training threads run at, 0 (as requests) to 19 (the lowest): training then takes the cores
    /// requests leave idle, so reads stay fast while runs train (docs/benchmarks.md compares 19 with 0).
    /// </summary>
    [Range(0, 19)]
    public int Niceness { get; set; } = 19;

    /// <summary>Least time between two checkpoints of a run; a checkpoint is also taken when the host stops.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A run whose process died under it this many times is failed rather than resumed again.</summary>
    [Range(1, 100)]
    public int MaxCrashes { get; set; } = 3;

    /// <summary>How often a training process says it is alive and looks for runs whose process is not (PostgreSQL only).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Silence after which a training process counts as dead and its running runs are queued again (PostgreSQL only).</summary>
    [Range(typeof(TimeSpan), "00:00:02", "01:00:00")]
    public TimeSpan WorkerTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Trained models kept in memory for predictions.</summary>
    [Range(1, 10_000)]
    public int ModelCacheSize { get; set; } = 32;
}
