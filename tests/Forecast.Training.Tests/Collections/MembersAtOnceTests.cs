using System.Collections.Concurrent;
using Forecast.Training.Collections;

namespace Forecast.Training.Tests.Collections;

public class MembersAtOnceTests
{
    [Fact]
    public void Every_member_s_result_comes_back_in_the_members_order_each_computed_once()
    {
        var calls = new int[500];

        var results = MembersAtOnce.Select(500, i =>
        {
            Interlocked.Increment(ref calls[i]);
            return i * i;
        });

        Assert.Equal(Enumerable.Range(0, 500).Select(i => i * i), results);
        Assert.All(calls, c => Assert.Equal(1, c));
    }

    [Fact]
    public void Work_runs_on_more_than_one_thread_where_the_machine_has_cores_for_it()
    {
        var threads = new ConcurrentDictionary<int, bool>();
        using var joined = new ManualResetEventSlim();
        var giveUp = DateTime.UtcNow.AddSeconds(30);

        MembersAtOnce.Select(100, i =>
        {
            threads[Environment.CurrentManagedThreadId] = true;
            if (threads.Count > 1)
            {
                joined.Set();
            }
            // Members wait for a second thread to take one, however late a loaded machine starts it, for 30 s in all.
            if (Environment.ProcessorCount > 1)
            {
                joined.Wait(TimeSpan.FromTicks(Math.Max(0, (giveUp - DateTime.UtcNow).Ticks)));
            }
            return i;
        });

        Assert.Equal(Math.Min(Environment.ProcessorCount, 2), Math.Min(threads.Count, 2));
    }

    [Fact]
    public void Of_several_failures_the_lowest_member_s_is_thrown_as_one_after_another_would_throw()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => MembersAtOnce.Select(100, i =>
            i is 37 or 12 or 80 ? throw new InvalidOperationException($"member {i}") : i));

        Assert.Equal("member 12", failure.Message);
    }

    [Fact]
    public void No_members_give_no_results()
    {
        Assert.Empty(MembersAtOnce.Select<int>(0, _ => throw new InvalidOperationException("never called")));
    }
}
