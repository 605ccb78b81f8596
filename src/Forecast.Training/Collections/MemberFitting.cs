using Forecast.Domain.Series;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Forecast.Domain.Runs;
using Forecast.Training.Lstm;
using Forecast.Training.Methods;

namespace Forecast.Training.Collections;

/// <summary>
/// Fits a statistical method to each member of a collection on its own points before its test tail, several members at
/// once, and reports them to the run's observer in batches as they finish, so that a run whose process dies keeps every
/// member reported and fits only the others when it resumes.
/// </summary>
/// <remarks>
/// The members are fitted on threads of their own, as many as libtorch was given for a training job
/// (<c>Training:TorchThreads</c>, or the cores shared among the workers), started by the training thread so that they
/// inherit its lowered CPU priority: requests are served first, as while a network trains. The observer is called on the
/// training thread only, with whatever has finished since its last call, so batches are small when reporting keeps up and
/// grow when it does not. Cancellation is checked between members: a member being fitted is finished or dropped, never reported in part.
/// </remarks>
internal static class MemberFitting
{
    private sealed record Fitted(MemberFit Fit, double ScaledError);

    /// <param name="fittedBefore">Members an earlier attempt of the run fitted and reported: kept, not fitted again.</param>
    /// <returns>Every member's fit, in the order of <paramref name="members"/>.</returns>
    public static IReadOnlyList<MemberFit> FitAll(IStatisticalMethod method, IReadOnlyList<GlobalMember> members, Hyperparameters hp,
        IReadOnlyList<MemberFit> fittedBefore, ITrainingObserver observer, CancellationToken cancellation)
    {
        var started = Stopwatch.StartNew();
        var fits = fittedBefore.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var pending = new ConcurrentQueue<GlobalMember>(members.Where(m => !fits.ContainsKey(m.Key)));
        using var finished = new BlockingCollection<Fitted>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        ExceptionDispatchInfo? failure = null;
        var running = Math.Min(Math.Max(1, TorchSharp.torch.get_num_threads()), pending.Count);
        if (running == 0)
        {
            finished.CompleteAdding();
        }

        void Work()
        {
            try
            {
                while (!stop.IsCancellationRequested && pending.TryDequeue(out var member))
                {
                    finished.Add(Fit(method, member, hp, stop.Token), CancellationToken.None);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
                stop.Cancel();
            }
            finally
            {
                if (Interlocked.Decrement(ref running) == 0)
                {
                    finished.CompleteAdding();
                }
            }
        }

        var threads = Enumerable.Range(0, running).Select(i => new Thread(Work) { IsBackground = true, Name = $"member fits {i + 1}" }).ToList();
        try
        {
            threads.ForEach(t => t.Start());
            // Every member fitted is reported, even after a cancellation: the workers stop between members, so this ends.
            while (NextBatch(finished) is { Count: > 0 } batch)
            {
                foreach (var fitted in batch)
                {
                    fits[fitted.Fit.Key] = fitted.Fit;
                }
                observer.OnMembersFitted(new MemberFitReport(batch.Select(f => f.Fit).ToList(), fits.Count, members.Count,
                    batch.Average(f => f.ScaledError), started.Elapsed));
            }
        }
        finally
        {
            // The observer may have stopped the run (a cancel, the host stopping, the run taken over): no member is left half-fitted.
            stop.Cancel();
            threads.Where(t => t.IsAlive).ToList().ForEach(t => t.Join());
        }
        failure?.Throw();
        cancellation.ThrowIfCancellationRequested();
        return members.Select(m => fits[m.Key]).ToList();
    }

    /// <summary>What <see cref="FitAll"/> did, in the run's words.</summary>
    /// <param name="what">The methods fitted, as the sentence names them: "theta", or "ets, arima and theta".</param>
    public static string Explain(string what, int members, IReadOnlyList<MemberFit> fittedBefore) =>
        $"{what} fitted to each of the {members} members on its own points before its test tail{(fittedBefore.Count > 0 ? $"; {fittedBefore.Count} were fitted by an earlier attempt of this run and kept" : "")}.";

    /// <summary>Waits for a fitted member, then takes every other already fitted; empty once every worker has stopped.</summary>
    private static List<Fitted> NextBatch(BlockingCollection<Fitted> finished)
    {
        var batch = new List<Fitted>();
        if (finished.TryTake(out var first, Timeout.Infinite))
        {
            batch.Add(first);
            while (finished.TryTake(out var next))
            {
                batch.Add(next);
            }
        }
        return batch;
    }

    private static Fitted Fit(IStatisticalMethod method, GlobalMember member, Hyperparameters hp, CancellationToken cancellation)
    {
        var history = member.Values.Take(member.Values.Count - hp.TestSize).ToArray();
        var fitted = ForecastingMethods.Fit(method, new FitInput(history, hp.SeasonalPeriod, hp.TestSize) { Covariates = member.Covariates }, cancellation);
        var scale = PooledCalibration.ScaleAt(history, hp.SeasonalPeriod);
        return new Fitted(new MemberFit(member.Key, fitted.State), fitted.Model.RecentMeanSquaredError(history, member.Covariates, ForecastModelBuilder.LossPoints(hp)) / (scale * scale));
    }
}
