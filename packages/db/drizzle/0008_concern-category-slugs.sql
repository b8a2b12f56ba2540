-- Concerns and priorities now share one category list (validators CATEGORIES: police.uk's slugs,
-- "road-safety" and "other"). Concerns stored the old list's words: map each to its slug, and
-- anything else to "other". Minutes already frozen keep the words they were approved with.
UPDATE `concerns` SET `category` = CASE `category`
  WHEN 'Anti-social behaviour' THEN 'anti-social-behaviour'
  WHEN 'Burglary' THEN 'burglary'
  WHEN 'Drugs' THEN 'drugs'
  WHEN 'Vehicle crime' THEN 'vehicle-crime'
  WHEN 'Violence' THEN 'violent-crime'
  WHEN 'Robbery' THEN 'robbery'
  WHEN 'Theft' THEN 'other-theft'
  WHEN 'Criminal damage' THEN 'criminal-damage-arson'
  WHEN 'Road safety' THEN 'road-safety'
  ELSE 'other'
END
WHERE `category` NOT IN (
  'anti-social-behaviour', 'bicycle-theft', 'burglary', 'criminal-damage-arson', 'drugs', 'other-theft',
  'possession-of-weapons', 'public-order', 'robbery', 'shoplifting', 'theft-from-the-person', 'vehicle-crime',
  'violent-crime', 'other-crime', 'road-safety', 'other'
);
