using NspPortal.Engine.Model;

namespace NspPortal.Engine.Evaluation;

/// <summary>Compiles an <see cref="NspConfiguration"/> into the arrays and hash tables of a <see cref="DecisionIndex"/>.
/// Tolerates invalid configurations (validation is separate): duplicates resolve to the first in configuration order.</summary>
internal sealed class DecisionIndexBuilder
{
    private readonly List<PerimeterEntry> _perimeters = [];
    private readonly List<Dictionary<string, CompiledProfile>> _profilesByPerimeter = [];
    private readonly List<CompiledProfile> _profiles = [];
    private readonly List<ResourceEntry> _resources = [];
    private readonly Dictionary<string, int> _resourceSlots = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<AssociationEntry> _associations = [];
    private readonly Dictionary<string, int> _perimeterById = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, int> _perimeterByGuid = [];

    public static DecisionIndex Build(NspConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = new DecisionIndexBuilder();
        builder.AddPerimeters(configuration);
        builder.AddResources(configuration);
        builder.AddAssociations(configuration);
        var (inbound, outbound) = LinkTableBuilder.Build(builder._perimeters, builder._profilesByPerimeter, builder._perimeterById, builder._perimeterByGuid);
        return new DecisionIndex(
            [.. builder._perimeters], [.. builder._profiles], [.. builder._resources], builder._resourceSlots,
            [.. builder._associations], inbound, outbound);
    }

    private void AddPerimeters(NspConfiguration configuration)
    {
        foreach (var perimeter in configuration.Perimeters)
        {
            if (!_perimeterById.TryAdd(perimeter.Id.Value, _perimeters.Count))
            {
                continue;
            }

            var index = _perimeters.Count;
            _perimeterByGuid.TryAdd(perimeter.PerimeterGuid, index);
            _perimeters.Add(new PerimeterEntry { Model = perimeter });
            var profiles = new Dictionary<string, CompiledProfile>(StringComparer.OrdinalIgnoreCase);
            foreach (var profile in perimeter.Profiles)
            {
                if (!profiles.ContainsKey(profile.Name))
                {
                    var compiled = ProfileCompiler.Compile(profile, index, _profiles.Count);
                    profiles.Add(profile.Name, compiled);
                    _profiles.Add(compiled);
                }
            }

            _profilesByPerimeter.Add(profiles);
        }
    }

    private void AddResources(NspConfiguration configuration)
    {
        foreach (var resource in configuration.PaasResources)
        {
            if (_resourceSlots.ContainsKey(resource.Id.Value))
            {
                continue;
            }

            _resourceSlots.Add(resource.Id.Value, _resources.Count);
            _resources.Add(new ResourceEntry
            {
                Id = resource.Id,
                Service = ServiceErrors.ServiceOf(resource.Id.TopLevelResource?.ResourceType ?? resource.ResourceType),
                Access = resource.PublicNetworkAccess,
                FirewallRules = [.. resource.FirewallIpRules],
                Firewall = PrefixSet.Build(resource.FirewallIpRules.Select((p, i) => (p, i))),
                AllowTrustedServices = resource.AllowTrustedServices,
                Listed = true,
            });
        }
    }

    private void AddAssociations(NspConfiguration configuration)
    {
        foreach (var perimeter in configuration.Perimeters)
        {
            if (!_perimeterById.TryGetValue(perimeter.Id.Value, out var perimeterIndex) || !ReferenceEquals(_perimeters[perimeterIndex].Model, perimeter))
            {
                continue;
            }

            foreach (var association in perimeter.Associations)
            {
                var resourceId = association.PrivateLinkResourceId;
                if (!_resourceSlots.TryGetValue(resourceId.Value, out var slot))
                {
                    slot = _resources.Count;
                    _resourceSlots.Add(resourceId.Value, slot);
                    _resources.Add(new ResourceEntry
                    {
                        Id = resourceId,
                        Service = ServiceErrors.ServiceOf(resourceId.TopLevelResource?.ResourceType ?? resourceId.ResourceType),
                    });
                }

                if (_resources[slot].Association >= 0)
                {
                    continue;
                }

                if (!_profilesByPerimeter[perimeterIndex].TryGetValue(association.ProfileName, out var profile))
                {
                    // Invalid configuration (ProfileNotFound): an empty profile, so the association still decides by its mode.
                    profile = new CompiledProfile { Name = association.ProfileName, Perimeter = perimeterIndex, Index = _profiles.Count, Exists = false };
                    _profiles.Add(profile);
                    _profilesByPerimeter[perimeterIndex].Add(profile.Name, profile);
                }

                _resources[slot].Association = _associations.Count;
                var profileName = profile.Exists ? profile.Name : association.ProfileName;
                _associations.Add(new AssociationEntry
                {
                    Name = association.Name,
                    Perimeter = perimeterIndex,
                    Profile = profile,
                    ProfileName = profileName,
                    Mode = association.AccessMode,
                    Scope = new DecisionScope(perimeter.PerimeterGuid, profileName, association.AccessMode, profile.AccessRulesVersion),
                });
            }
        }
    }
}
