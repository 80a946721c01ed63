using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NspPortal.Data.Configuration;

/// <summary>Stores a list of small records as JSON text, identically on both providers (like <see cref="TagsConverter"/>).</summary>
internal sealed class JsonListConverter<T>() : ValueConverter<List<T>, string>(
    list => JsonSerializer.Serialize(list, JsonSerializerOptions.Default),
    json => JsonSerializer.Deserialize<List<T>>(json, JsonSerializerOptions.Default) ?? new List<T>());

/// <summary>Compares JSON-stored lists by content so EF notices in-place edits.</summary>
internal sealed class JsonListComparer<T>() : ValueComparer<List<T>>(
    (a, b) => a != null && b != null && a.SequenceEqual(b),
    list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
    list => new List<T>(list));
