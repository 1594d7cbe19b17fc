import { preload as preloadResource } from 'react-dom';
import { responsiveImageAttributes } from '@/lib/images';

/**
 * A picture in the sizes the page needs (srcset + sizes through the image optimizer). Plain
 * markup: it renders the same on the server and in the browser and ships no JavaScript.
 * `preload` is for the page's largest picture: fetched early, at high priority, never lazily.
 */
export function ResponsiveImage({
  src,
  alt,
  width,
  height,
  sizes,
  preload = false,
  className,
}: {
  src: string;
  alt: string;
  width: number;
  height: number;
  sizes: string;
  preload?: boolean;
  className?: string;
}) {
  const attributes = responsiveImageAttributes(src, sizes);
  if (preload) {
    preloadResource(attributes.src, {
      as: 'image',
      imageSrcSet: attributes.srcSet,
      imageSizes: attributes.sizes,
      fetchPriority: 'high',
    });
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- see lib/images.ts
    <img
      src={attributes.src}
      srcSet={attributes.srcSet}
      sizes={attributes.sizes}
      alt={alt}
      width={width}
      height={height}
      loading={preload ? 'eager' : 'lazy'}
      fetchPriority={preload ? 'high' : undefined}
      decoding="async"
      className={className}
    />
  );
}
