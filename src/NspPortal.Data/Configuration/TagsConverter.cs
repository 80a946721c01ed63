using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NspPortal.Data.Configuration;

/// <summary>Stores ARM tags (a string dictionary) as a JSON object in a text column on both providers.</summary>
internal sealed class TagsConverter() : ValueConverter<Dictionary<string, string>, string>(
    tags => JsonSerializer.Serialize(tags, JsonSerializerOptions.Default),
    json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default) ?? new Dictionary<string, string>());

/// <summary>Compares tag dictionaries by content so EF notices in-place edits.</summary>
internal sealed class TagsComparer() : ValueComparer<Dictionary<string, string>>(
    (a, b) => a != null && b != null && a.Count == b.Count && !a.Except(b).Any(),
    tags => tags.Aggregate(0, (hash, pair) => hash ^ HashCode.Combine(pair.Key, pair.Value)),
    tags => new Dictionary<string, string>(tags));
