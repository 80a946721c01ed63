using Microsoft.EntityFrameworkCore;
using NspPortal.Data.Entities;
using NspPortal.Data.Representation;
using NspPortal.Engine.Model;
using NspPortal.Engine.Validation;
using NspPortal.Engine.Values;

namespace NspPortal.Data.Services;

internal sealed partial class NspWriter
{
    /// <summary>Creates or updates a link (auto-approval, reference/nsp.md §4.5): materialises the link reference in the
    /// remote perimeter with status Approved and generates the perimeter-based rules on both sides.</summary>
    public async Task<Result<LinkEntity>> PutLinkAsync(PerimeterEntity perimeter, LinkInput input, Precondition precondition, CancellationToken cancellationToken)
    {
        var existing = perimeter.Links.FirstOrDefault(l => l.NameKey == ArmEntity.NameKeyOf(input.Name));
        if (precondition.Check(existing?.ETag, $"link '{input.Name}'") is { } failed)
        {
            return failed;
        }

        const string remoteTarget = "properties.autoApprovedRemotePerimeterResourceId";
        var errors = new List<ValidationError>();
        if (existing is null && FieldValidator.Name(NspResourceKind.Link, input.Name) is { } nameError)
        {
            errors.Add(nameError);
        }

        var remoteText = input.AutoApprovedRemotePerimeterResourceId ?? existing?.RemotePerimeterResourceId;
        AddIfNotNull(errors, FieldValidator.ResourceId(remoteText, remoteTarget, ResourceTypes.Perimeter));
        AddIfNotNull(errors, FieldValidator.LinkDescription(input.Description, "properties.description"));
        if (ServiceError.FromValidation(errors) is { } invalid)
        {
            return invalid;
        }

        var remoteId = ArmResourceId.Parse(remoteText!);
        if (existing is not null && !string.Equals(existing.RemotePerimeterResourceId, remoteId.Value, StringComparison.OrdinalIgnoreCase))
        {
            return ArmErrors.PropertyChangeNotAllowed(remoteTarget);
        }

        var perimeterId = ResourceIds.Of(perimeter);
        if (string.Equals(remoteId.Value, perimeterId, StringComparison.OrdinalIgnoreCase))
        {
            return ServiceError.Invalid(ErrorCodes.InvalidRemotePerimeter, $"A link cannot point at its own perimeter '{perimeter.Name}'.", remoteTarget);
        }

        var remote = await new Lookup(db).PerimeterAsync(remoteId.SubscriptionId.Value, remoteId.ResourceGroupName ?? "", remoteId.Name, cancellationToken, Everything);
        if (!remote.Succeeded)
        {
            return ServiceError.Invalid(ErrorCodes.InvalidRemotePerimeter,
                $"The remote perimeter '{remoteId}' was not found; a link needs an existing perimeter to link to.", remoteTarget);
        }

        var remotePerimeter = remote.Value!;
        var link = existing ?? new LinkEntity { Name = input.Name, Perimeter = perimeter, PerimeterId = perimeter.Id };
        link.RemotePerimeterResourceId = ResourceIds.Of(remotePerimeter);
        link.RemotePerimeterGuid = remotePerimeter.PerimeterGuid;
        link.RemotePerimeterLocation = remotePerimeter.Location;
        link.LocalInboundProfiles = [.. input.LocalInboundProfiles ?? existing?.LocalInboundProfiles ?? ["*"]];
        link.RemoteInboundProfiles = [.. input.RemoteInboundProfiles ?? existing?.RemoteInboundProfiles ?? ["*"]];
        link.Description = input.Description ?? existing?.Description ?? "Auto Approved";
        link.Status = LinkStatus.Approved;
        if (existing is null)
        {
            Writes.StampCreated(link, caller, now);
            perimeter.Links.Add(link);
            db.Links.Add(link);
        }
        else
        {
            Writes.StampModified(link, caller, now);
        }

        var reference = remotePerimeter.LinkReferences.FirstOrDefault(r => r.LinkId == link.Id);
        if (reference is null)
        {
            reference = new LinkReferenceEntity
            {
                Name = LinkReferenceName(link.Name, perimeter.PerimeterGuid),
                Perimeter = remotePerimeter,
                PerimeterId = remotePerimeter.Id,
                Link = link,
                LinkId = link.Id,
            };
            Writes.StampCreated(reference, caller, now);
            remotePerimeter.LinkReferences.Add(reference);
            db.LinkReferences.Add(reference);
        }
        else
        {
            Writes.StampModified(reference, caller, now);
        }

        reference.RemotePerimeterResourceId = perimeterId;
        reference.RemotePerimeterGuid = perimeter.PerimeterGuid;
        reference.RemotePerimeterLocation = perimeter.Location;
        reference.LocalInboundProfiles = [.. link.RemoteInboundProfiles];
        reference.RemoteInboundProfiles = [.. link.LocalInboundProfiles];
        reference.Description = link.Description;
        reference.Status = LinkStatus.Approved;

        var validation = ConfigurationValidator.Validate(new NspConfiguration
        {
            Perimeters = [EngineMapping.ToPerimeter(perimeter), EngineMapping.ToPerimeter(remotePerimeter)],
        });
        if (EngineMapping.ErrorsFor(validation, ResourceIds.Of(link), ResourceIds.Of(reference)) is { } configurationError)
        {
            return configurationError;
        }

        SyncLinkRules(perimeter);
        SyncLinkRules(remotePerimeter);
        return Result<LinkEntity>.Ok(link, created: existing is null);
    }

    /// <summary>Deletes a link of a perimeter loaded with <see cref="Everything"/>, with its remote reference and the
    /// rules both generated.</summary>
    public async Task<Result<DeleteOutcome>> DeleteLinkAsync(PerimeterEntity perimeter, LinkEntity link, Precondition precondition, CancellationToken cancellationToken)
    {
        if (precondition.Check(link.ETag, $"link '{link.Name}'") is { } failed)
        {
            return failed;
        }

        var linkId = ResourceIds.Of(link);
        await RemoveLinkAsync(perimeter, link, cancellationToken);
        var operation = RecordOperation(perimeter.ResourceGroup!.SubscriptionId, perimeter.Location, linkId);
        return Result<DeleteOutcome>.Ok(new DeleteOutcome(true), operationId: operation);
    }

    /// <summary>Deletes a link reference: either side may end a link (reference/nsp.md §4.5). The link that created it
    /// becomes <c>Disconnected</c>, and the rules it generated on both sides go.</summary>
    public async Task<Result<DeleteOutcome>> DeleteLinkReferenceAsync(PerimeterEntity perimeter, LinkReferenceEntity reference, Precondition precondition,
        CancellationToken cancellationToken)
    {
        if (precondition.Check(reference.ETag, $"link reference '{reference.Name}'") is { } failed)
        {
            return failed;
        }

        var referenceId = ResourceIds.Of(reference);
        await RemoveLinkReferenceAsync(perimeter, reference, cancellationToken);
        var operation = RecordOperation(perimeter.ResourceGroup!.SubscriptionId, perimeter.Location, referenceId);
        return Result<DeleteOutcome>.Ok(new DeleteOutcome(true), operationId: operation);
    }

    private async Task RemoveLinkAsync(PerimeterEntity perimeter, LinkEntity link, CancellationToken cancellationToken)
    {
        var remotePerimeterIds = await db.LinkReferences.Where(r => r.LinkId == link.Id).Select(r => r.PerimeterId).ToListAsync(cancellationToken);
        foreach (var remoteId in remotePerimeterIds.Distinct())
        {
            var remote = await db.Perimeters.Include(p => p.ResourceGroup).Where(p => p.Id == remoteId)
                .Include(p => p.Profiles).ThenInclude(p => p.AccessRules).Include(p => p.Links).Include(p => p.LinkReferences)
                .AsSplitQuery().FirstAsync(cancellationToken);
            foreach (var reference in remote.LinkReferences.Where(r => r.LinkId == link.Id).ToList())
            {
                remote.LinkReferences.Remove(reference);
                db.LinkReferences.Remove(reference);
            }

            SyncLinkRules(remote);
        }

        perimeter.Links.Remove(link);
        db.Links.Remove(link);
        SyncLinkRules(perimeter);
    }

    private async Task RemoveLinkReferenceAsync(PerimeterEntity perimeter, LinkReferenceEntity reference, CancellationToken cancellationToken)
    {
        perimeter.LinkReferences.Remove(reference);
        db.LinkReferences.Remove(reference);
        SyncLinkRules(perimeter);
        if (reference.LinkId is not { } linkId)
        {
            return;
        }

        var origin = await db.Perimeters.Include(p => p.ResourceGroup).Where(p => p.Links.Any(l => l.Id == linkId))
            .Include(p => p.Profiles).ThenInclude(p => p.AccessRules).Include(p => p.Links).Include(p => p.LinkReferences)
            .AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
        if (origin?.Links.FirstOrDefault(l => l.Id == linkId) is not { } link || db.Entry(link).State == EntityState.Deleted)
        {
            return;
        }

        link.Status = LinkStatus.Disconnected;
        link.ETag = ArmEntity.NewETag();
        SyncLinkRules(origin);
    }

    /// <summary>Brings the link-generated rules of a perimeter (profiles, rules, links and references loaded) in line
    /// with its approved links and link references: every selected profile gets an inbound rule and every profile an
    /// outbound rule whose read-only <c>networkSecurityPerimeters</c> names the other perimeter (reference/nsp.md §4.5).</summary>
    private void SyncLinkRules(PerimeterEntity perimeter)
    {
        var sides = perimeter.Links.Where(l => l.Status == LinkStatus.Approved)
            .Select(l => new LinkSide(l.Id, null, l.Name, l.LocalInboundProfiles, new PerimeterRuleReference(l.RemotePerimeterResourceId, l.RemotePerimeterGuid ?? Guid.Empty, l.RemotePerimeterLocation ?? "")))
            .Concat(perimeter.LinkReferences.Where(r => r.Status == LinkStatus.Approved)
                .Select(r => new LinkSide(null, r.Id, r.Name, r.LocalInboundProfiles, new PerimeterRuleReference(r.RemotePerimeterResourceId, r.RemotePerimeterGuid ?? Guid.Empty, r.RemotePerimeterLocation ?? ""))))
            .ToList();

        foreach (var profile in perimeter.Profiles)
        {
            var wanted = new List<(LinkSide Side, AccessRuleDirection Direction)>();
            foreach (var side in sides)
            {
                if (side.LocalInboundProfiles.Any(p => p == "*" || string.Equals(p, profile.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    wanted.Add((side, AccessRuleDirection.Inbound));
                }

                wanted.Add((side, AccessRuleDirection.Outbound));
            }

            var changed = false;
            foreach (var rule in profile.AccessRules.Where(r => r.IsGeneratedByLink).ToList())
            {
                var keep = wanted.Any(w => w.Direction == rule.Direction && w.Side.LinkId == rule.LinkId && w.Side.LinkReferenceId == rule.LinkReferenceId
                    && rule.NetworkSecurityPerimeters.SequenceEqual([w.Side.Remote]));
                if (!keep)
                {
                    profile.AccessRules.Remove(rule);
                    db.AccessRules.Remove(rule);
                    changed = true;
                }
            }

            foreach (var (side, direction) in wanted)
            {
                if (profile.AccessRules.Any(r => r.Direction == direction && r.IsGeneratedByLink && r.LinkId == side.LinkId && r.LinkReferenceId == side.LinkReferenceId))
                {
                    continue;
                }

                var name = $"{side.Name[..Math.Min(side.Name.Length, 71)]}-{(direction == AccessRuleDirection.Inbound ? "inbound" : "outbound")}";
                if (profile.AccessRules.Any(r => r.NameKey == ArmEntity.NameKeyOf(name)))
                {
                    continue; // a user rule already has the name; the link still works through the other profiles' rules
                }

                var rule = new AccessRuleEntity
                {
                    Name = name,
                    Profile = profile,
                    ProfileId = profile.Id,
                    Direction = direction,
                    NetworkSecurityPerimeters = [side.Remote],
                    LinkId = side.LinkId,
                    LinkReferenceId = side.LinkReferenceId,
                };
                Writes.StampCreated(rule, caller, now);
                profile.AccessRules.Add(rule);
                db.AccessRules.Add(rule);
                changed = true;
            }

            if (changed)
            {
                BumpRulesVersion(profile);
            }
        }
    }

    /// <summary>The service names the remote side's reference <c>{linkName}-{guid}</c> (reference/nsp.md §1.1), within 80 characters.</summary>
    private static string LinkReferenceName(string linkName, Guid localPerimeterGuid) =>
        $"{linkName[..Math.Min(linkName.Length, NspLimits.MaxNameLength - 37)]}-{localPerimeterGuid:D}";

    private sealed record LinkSide(Guid? LinkId, Guid? LinkReferenceId, string Name, List<string> LocalInboundProfiles, PerimeterRuleReference Remote);
}
