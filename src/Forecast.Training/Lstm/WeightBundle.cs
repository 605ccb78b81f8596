namespace Forecast.Training.Lstm;

/// <summary>Several blobs (one per ensemble member) in one byte array: a count, then each length and blob.</summary>
public static class WeightBundle
{
    public static byte[] Pack(IEnumerable<byte[]> parts)
    {
        var list = parts.ToList();
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(list.Count);
            foreach (var part in list)
            {
                writer.Write(part.Length);
                writer.Write(part);
            }
        }
        return stream.ToArray();
    }

    public static byte[][] Unpack(byte[] bundle)
    {
        using var reader = new BinaryReader(new MemoryStream(bundle));
        var parts = new byte[reader.ReadInt32()][];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = reader.ReadBytes(reader.ReadInt32());
        }
        return parts;
    }
}
