using System.Collections.ObjectModel;
using System.Diagnostics;

namespace Forecast.Api.Tests;

/// <summary>
/// Where the in-memory exporter puts the spans it is given. It adds from the threads that end spans while a test reads,
/// so every change and every read takes one lock.
/// </summary>
public sealed class ExportedSpans : Collection<Activity>
{
    private readonly Lock gate = new();

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (gate)
        {
            return [.. this];
        }
    }

    /// <summary>
    /// The spans that match, once <paramref name="count"/> of them have been exported: a span ends (and is exported) a
    /// moment after the answer it traces is sent.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> WaitForAsync(Func<Activity, bool> match, int count = 1)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = Snapshot().Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{found.Count} of {count} such spans exported");
            await Task.Delay(20);
        }
    }

    protected override void InsertItem(int index, Activity item)
    {
        lock (gate)
        {
            base.InsertItem(index, item);
        }
    }

    protected override void SetItem(int index, Activity item)
    {
        lock (gate)
        {
            base.SetItem(index, item);
        }
    }

    protected override void RemoveItem(int index)
    {
        lock (gate)
        {
            base.RemoveItem(index);
        }
    }

    protected override void ClearItems()
    {
        lock (gate)
        {
            base.ClearItems();
        }
    }
}
