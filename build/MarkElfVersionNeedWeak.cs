using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

// Sets VER_FLG_WEAK on one version requirement (a Vernaux entry of .gnu.version_r) in 64-bit
// little-endian ELF files, in place. Idempotent: a file already patched, or without the version,
// is left as it is.
public class MarkElfVersionNeedWeak : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            var path = item.ItemSpec;
            var bytes = File.ReadAllBytes(path);
            var changed = Patch(bytes);
            if (changed)
            {
                // Write through a new file so a hard link into the NuGet cache is never modified.
                var temp = path + ".patching";
                File.WriteAllBytes(temp, bytes);
                File.Delete(path);
                File.Move(temp, path);
                Log.LogMessage(MessageImportance.Normal, "Marked {0} weak in {1}", VersionName, path);
            }
        }
        return !Log.HasLoggedErrors;
    }

    private bool Patch(byte[] elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F' || elf[4] != 2 || elf[5] != 1)
        {
            return false;
        }
        var shoff = (long)BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A);
        int shnum = BitConverter.ToUInt16(elf, 0x3C);
        var changed = false;
        for (var i = 0; i < shnum; i++)
        {
            var sh = shoff + (long)i * shentsize;
            if (BitConverter.ToUInt32(elf, (int)sh + 4) != ShtGnuVerneed)
            {
                continue;
            }
            var offset = (long)BitConverter.ToUInt64(elf, (int)sh + 0x18);
            var link = BitConverter.ToUInt32(elf, (int)sh + 0x28);
            var count = BitConverter.ToUInt32(elf, (int)sh + 0x2C);
            var strtab = (long)BitConverter.ToUInt64(elf, (int)(shoff + link * shentsize) + 0x18);

            var verneed = offset;
            for (var n = 0; n < count; n++)
            {
                int auxCount = BitConverter.ToUInt16(elf, (int)verneed + 2);
                var aux = verneed + BitConverter.ToUInt32(elf, (int)verneed + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    var name = ReadCString(elf, strtab + BitConverter.ToUInt32(elf, (int)aux + 8));
                    var flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                    if (name == VersionName && (flags & VerFlgWeak) == 0)
                    {
                        BitConverter.GetBytes((ushort)(flags | VerFlgWeak)).CopyTo(elf, (int)aux + 4);
                        changed = true;
                    }
                    aux += BitConverter.ToUInt32(elf, (int)aux + 12);
                }
                verneed += BitConverter.ToUInt32(elf, (int)verneed + 12);
            }
        }
        return changed;
    }

    private static string ReadCString(byte[] bytes, long start)
    {
        var end = start;
        while (bytes[end] != 0)
        {
            end++;
        }
        return Encoding.ASCII.GetString(bytes, (int)start, (int)(end - start));
    }
}
