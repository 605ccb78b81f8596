namespace Forecast.Training.Lstm;

/// <summary>Seeds derived from a run's seed, the same in every process.</summary>
/// <remarks>
/// Not <see cref="HashCode"/>: it is salted per process, so a run resumed or repeated in another
/// process would draw other shuffles and dropout masks. SplitMix64's finaliser mixes well enough that
/// neighbouring inputs give unrelated seeds.
/// </remarks>
public static class Seeds
{
    /// <summary>The seed of ensemble member <paramref name="member"/>; member 0 keeps the run's own seed.</summary>
    public static int Member(int runSeed, int member) => member == 0 ? runSeed : Derive(runSeed, unchecked((uint)member | 0x8000_0000u));

    /// <summary>The seed of one epoch's shuffle and dropout masks for a member.</summary>
    public static int Epoch(int memberSeed, int epoch) => Derive(memberSeed, (uint)epoch);

    /// <summary>The seed of the dropout masks of the second half of an epoch's large batches (see TrainingMember).</summary>
    public static int SecondHalf(int epochSeed) => Derive(epochSeed, 0x4000_0000u);

    private static int Derive(int seed, uint stream)
    {
        var x = ((ulong)(uint)seed << 32 | stream) + 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (int)(x & int.MaxValue);
    }
}
