using System.Runtime.ExceptionServices;

namespace Forecast.Training.Collections;

/// <summary>
/// Work for each member of a collection, several members at once: on the calling thread and on threads of its own, one per
/// further core, started by the calling thread so that they inherit its CPU priority (a training job's lowered one, as in
/// <see cref="MemberFitting"/>; a request's own when it forecasts), which pool threads would not.
/// </summary>
internal static class MembersAtOnce
{
    /// <summary>
    /// <paramref name="each"/> of every index below <paramref name="count"/>, in index order. When any throws, the exception
    /// of the lowest index is rethrown, as working through them one after another would have thrown it.
    /// </summary>
    public static T[] Select<T>(int count, Func<int, T> each)
    {
        var results = new T[count];
        var failures = new ExceptionDispatchInfo?[count];
        var next = -1;

        void Work()
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                try
                {
                    results[i] = each(i);
                }
                catch (Exception e)
                {
                    failures[i] = ExceptionDispatchInfo.Capture(e);
                }
            }
        }

        var helpers = Enumerable.Range(0, Math.Max(0, Math.Min(Environment.ProcessorCount, count) - 1))
            .Select(i => new Thread(Work) { IsBackground = true, Name = $"member forecasts {i + 1}" })
            .ToList();
        helpers.ForEach(t => t.Start());
        Work();
        helpers.ForEach(t => t.Join());
        Array.Find(failures, f => f is not null)?.Throw();
        return results;
    }
}
