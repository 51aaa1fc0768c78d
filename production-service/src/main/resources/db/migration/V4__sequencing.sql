-- What the line sequence needs of a Polestar build: its paint colour and option packs (null for builds placed
-- before OrderPlaced carried them).
ALTER TABLE build ADD COLUMN exterior_colour text;
ALTER TABLE build ADD COLUMN option_packs text;
