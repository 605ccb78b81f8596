using System.Runtime.InteropServices;

namespace Forecast.Benchmarks;

/// <summary>
/// docs/benchmarks.md, where each benchmark that measures the service writes its own section: a run rewrites its section
/// and leaves the others' figures as they were.
/// </summary>
internal static class BenchmarksDocument
{
    private const string Title = "# Benchmarks";

    /// <summary>Replaces the section headed <c>## heading</c> (up to the next such heading) with <paramref name="body"/>, or adds it at the end.</summary>
    public static void WriteSection(string heading, string body)
    {
        var path = RepositoryData.InRepository("docs/benchmarks.md");
        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : [Title];
        var start = lines.IndexOf($"## {heading}");
        if (start < 0)
        {
            start = lines.Count;
        }
        else
        {
            var end = lines.FindIndex(start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
            lines.RemoveRange(start, (end < 0 ? lines.Count : end) - start);
        }
        while (start > 0 && lines[start - 1].Length == 0)
        {
            lines.RemoveAt(--start);
        }
        var section = new List<string> { "", $"## {heading}", "" };
        section.AddRange(body.TrimEnd().Split('\n'));
        if (start < lines.Count)
        {
            section.Add("");
        }
        lines.InsertRange(start, section);
        File.WriteAllText(path, string.Join('\n', lines).TrimEnd() + "\n");
    }

    /// <summary>The CPU, cores, system and runtime, as a figure's context.</summary>
    public static string Machine()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{model ?? "unknown CPU"}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
