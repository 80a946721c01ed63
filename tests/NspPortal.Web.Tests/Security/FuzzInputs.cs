using FsCheck;
using FsCheck.Fluent;

namespace NspPortal.Web.Tests.Security;

/// <summary>FsCheck generators of hostile input: values that have broken parsers before (empty, huge, control characters,
/// right-to-left marks, surrogate pairs, injection payloads, numbers at the edges), arbitrary strings, and forms built
/// from a valid one by dropping, duplicating, garbling and adding fields.</summary>
internal static class FuzzInputs
{
    /// <summary>The seed: <c>NSPPORTAL_FUZZ_SEED</c> to replay a failure (every failure message prints it), else random.</summary>
    public static ulong Seed { get; } = ulong.TryParse(Environment.GetEnvironmentVariable("NSPPORTAL_FUZZ_SEED"), out var s) ? s : (ulong)Random.Shared.NextInt64();

    /// <summary>Inputs per target: <c>NSPPORTAL_FUZZ_COUNT</c>, default 60 (a few seconds per target).</summary>
    public static int Count { get; } = int.TryParse(Environment.GetEnvironmentVariable("NSPPORTAL_FUZZ_COUNT"), out var c) ? c : 60;

    private static readonly string[] Nasty =
    [
        "", " ", "\t", "\0", "\r\n", "null", "undefined", "true", "-1", "0", "1", "2147483648", "-9223372036854775809", "1e309", "NaN",
        "' OR '1'='1' --", "\"; DROP TABLE \"AspNetUsers\"; --", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
        "{{7*7}}", "${jndi:ldap://x}", "../../../../etc/passwd", "%00", "%2e%2e%2f", "\u202e\u0644\u0627", "\ud83d\ude00", "\ud800",
        "/", "//evil.example", "/subscriptions/", "/subscriptions/not-a-guid", "00000000-0000-0000-0000-000000000000",
        "8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f", "Owner", "owner", "OWNER", "Reader ", "5", "delete:", "unlock:x", ":", "a@b",
        "@", "owner@nspportal.test", new string('A', 5000), new string('é', 3000), string.Concat(Enumerable.Repeat("[{", 500)),
    ];

    /// <summary>A hostile value: a known troublemaker, an arbitrary string, or an arbitrary number.</summary>
    public static Gen<string> Value { get; } = Gen.Frequency(
        (5, Gen.Elements(Nasty)),
        (4, ArbMap.Default.ArbFor<string>().Generator.Select(s => s ?? "")),
        (1, ArbMap.Default.ArbFor<int>().Generator.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.Fresh(() => Guid.NewGuid().ToString())));

    /// <summary>A form built from <paramref name="fields"/>: each field present with a hostile value (or dropped, or sent
    /// twice), plus up to two unknown fields.</summary>
    public static Gen<List<KeyValuePair<string, string>>> Form(IReadOnlyList<string> fields) =>
        from values in Gen.ListOf(Value, fields.Count + 4)
        from modes in Gen.ListOf(Gen.Frequency((8, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2))), fields.Count)
        from extras in Gen.Choose(0, 2)
        from extraNames in Gen.ListOf(Value, 2)
        select Build(fields, [.. values], [.. modes], extras, [.. extraNames]);

    /// <summary>Draws <see cref="Count"/> samples (size 60) from the seeded generator.</summary>
    public static IReadOnlyList<T> Sample<T>(Gen<T> gen, int salt) =>
        [.. Gen.Sample(gen, 60, new Rnd(Seed + (ulong)salt), Count)];

    private static List<KeyValuePair<string, string>> Build(IReadOnlyList<string> fields, string[] values, int[] modes, int extras, string[] extraNames)
    {
        var form = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < fields.Count; i++)
        {
            if (modes[i] == 1)
            {
                continue; // dropped
            }

            form.Add(new(fields[i], values[i]));
            if (modes[i] == 2)
            {
                form.Add(new(fields[i], values[^1])); // sent twice
            }
        }

        for (var i = 0; i < extras; i++)
        {
            form.Add(new(extraNames[i] is { Length: > 0 } n ? n : "x", values[fields.Count + i]));
        }

        return form;
    }
}
