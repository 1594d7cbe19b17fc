import { getImgProps } from 'next/dist/shared/lib/get-img-props';
import { imageConfigDefault, prepareImageConfig } from 'next/dist/shared/lib/image-config';
import defaultLoader from 'next/dist/shared/lib/image-loader';
import { IMAGE_DEVICE_SIZES, IMAGE_QUALITY, IMAGE_SIZES, responsiveImageAttributes } from '@/lib/images';

/*
 * Next.js's own computation (what getImageProps and <Image> do), given this site's image
 * configuration. The public getImageProps takes its configuration from a constant the build
 * inlines, so the test calls the function behind it.
 */
const imgConf = prepareImageConfig({
  ...imageConfigDefault,
  deviceSizes: IMAGE_DEVICE_SIZES,
  imageSizes: IMAGE_SIZES,
  qualities: [IMAGE_QUALITY],
});
const getImageProps = (props: { src: string; alt: string; width: number; height: number; sizes: string }) =>
  getImgProps(props, { defaultLoader, imgConf });

describe('responsive pictures without next/image in the browser', () => {
  const cases: [string, string][] = [
    ['/images/demo/news-01-lead.jpg', '(min-width: 1152px) 740px, (min-width: 768px) 62vw, calc(100vw - 2rem)'],
    ['/images/demo/news-01-lead.jpg', '(min-width: 1152px) 360px, (min-width: 640px) 45vw, calc(100vw - 2rem)'],
    ['/images/demo/travel-zh-01-lead.jpg', '96px'],
    ['https://images.example.com/a b/pic.jpg?x=1', '(min-width: 1152px) 760px, (min-width: 768px) 66vw, calc(100vw - 2rem)'],
  ];

  it.each(cases)('%s with sizes %s: the same src and srcset as getImageProps', (src, sizes) => {
    const { props } = getImageProps({ src, alt: '', width: 1600, height: 900, sizes });
    expect(responsiveImageAttributes(src, sizes)).toEqual({ src: props.src, srcSet: props.srcSet, sizes: props.sizes });
  });

  it('offers a phone-sized picture: 390 px wide for a full-width picture on a 390 px screen', () => {
    const { srcSet } = responsiveImageAttributes('/images/demo/news-01-lead.jpg', 'calc(100vw - 2rem)');
    expect(srcSet.split(', ')).toContain('/_next/image?url=%2Fimages%2Fdemo%2Fnews-01-lead.jpg&w=390&q=75 390w');
  });
});
