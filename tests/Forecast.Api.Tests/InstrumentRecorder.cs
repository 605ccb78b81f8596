using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Forecast.Api.Telemetry;

namespace Forecast.Api.Tests;

/// <summary>
/// Every measurement of one host's <see cref="ForecastTelemetry.Name"/> meter. Hosts of other tests running at the same time
/// record on meters of the same name; listening by the host's own <see cref="IMeterFactory"/> (the meter's scope) leaves theirs out.
/// </summary>
public sealed class InstrumentRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements = new();

    public InstrumentRecorder(IMeterFactory hostMeters)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ForecastTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, hostMeters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.Start();
    }

    /// <summary>The values recorded on <paramref name="instrument"/>, observable gauges read now.</summary>
    public IReadOnlyList<double> Values(string instrument, string? tag = null, object? tagValue = null)
    {
        listener.RecordObservableInstruments();
        return measurements
            .Where(m => m.Instrument == instrument && (tag is null || Equals(m.Tags.GetValueOrDefault(tag), tagValue)))
            .Select(m => m.Value)
            .ToList();
    }

    public void Dispose() => listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        measurements.Enqueue((instrument.Name, value, new Dictionary<string, object?>(tags.ToArray())));
}
