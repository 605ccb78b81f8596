using System.Runtime.InteropServices;

namespace Forecast.Api.Persistence;

/// <summary>Encodes series values as raw little-endian doubles for a BLOB column.</summary>
public static class ValueCodec
{
    public static byte[] Encode(IReadOnlyList<double> values) =>
        MemoryMarshal.AsBytes(values.ToArray().AsSpan()).ToArray();

    public static double[] Decode(byte[] bytes) => MemoryMarshal.Cast<byte, double>(bytes).ToArray();
}
