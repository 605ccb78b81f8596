namespace Forecast.Training.Collections;

/// <summary>One series of a collection as the global model sees it: its key and its whole history, test tail included.</summary>
public sealed record GlobalMember(string Key, IReadOnlyList<double> Values);
