namespace Forecast.Domain.Series;

/// <summary>What to do with periods missing from an uploaded series.</summary>
public enum GapFillPolicy
{
    /// <summary>Fill each missing period by linear interpolation between its neighbours (default).</summary>
    Interpolate,

    /// <summary>Carry the last observed value forward.</summary>
    ForwardFill,

    /// <summary>Refuse the upload (422) and name the missing periods.</summary>
    Refuse,
}
