namespace Forecast.Domain.Runs;

/// <summary>
/// The chronological split of a series: [0, TrainEnd) trains, [TrainEnd, ValidationEnd) validates,
/// [ValidationEnd, Count) is the held-out test tail. Never shuffled across the boundaries.
/// </summary>
public sealed record DataSplit(int Count, int TrainEnd, int ValidationEnd)
{
    public int TrainCount => TrainEnd;

    public int ValidationCount => ValidationEnd - TrainEnd;

    public int TestCount => Count - ValidationEnd;

    public static DataSplit For(int count, int testSize, double validationFraction)
    {
        var beforeTest = count - testSize;
        var validation = (int)Math.Round(beforeTest * validationFraction, MidpointRounding.AwayFromZero);
        return new DataSplit(count, beforeTest - validation, beforeTest);
    }
}
