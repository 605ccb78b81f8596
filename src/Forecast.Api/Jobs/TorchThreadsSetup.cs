using Forecast.Api.Configuration;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Jobs;

/// <summary>Shares the cores among training workers so that workers x threads does not exceed them.</summary>
internal sealed class TorchThreadsSetup(IOptions<TrainingOptions> options, ILogger<TorchThreadsSetup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var threads = o.TorchThreads > 0 ? o.TorchThreads : Math.Max(1, Environment.ProcessorCount / Math.Max(1, o.WorkerCount));
        TorchSharp.torch.set_num_threads(threads);
        logger.LogInformation("Training: {Workers} worker(s), {Threads} TorchSharp thread(s) each", o.WorkerCount, threads);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
